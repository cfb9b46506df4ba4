import RathausCommandLine

/// The command line of the tools beside the product: `rathaus-tools <command> [options]`.
enum ToolsCommand {
    /// The program, with every tool in the order `--help` lists them.
    static var tool: CommandLineTool {
        CommandLineTool(
            name: "rathaus-tools",
            description: "benchmarks, the load generator, the crash test and the day simulator for rathaus",
            subcommands: [
                BenchCommand.self,
                ServeBenchCommand.self,
                LoadTestCommand.self,
                CrashTestCommand.self,
                SimulateCommand.self,
                StatisticsBenchCommand.self,
            ])
    }

    /// Runs the command line `arguments` (without the program's name); returns the exit code.
    static func run(_ arguments: [String]) -> Int32 {
        tool.run(arguments)
    }

    /// `rathaus-tools --help`.
    static var help: String { tool.help }
}

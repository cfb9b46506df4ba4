import RathausCommandLine

/// The command line of the product: `rathaus <command> [options]`, `serve` when no command is
/// given. The benchmarks, the load generator and the crash test are in `rathaus-tools`.
enum RathausCommand {
    /// The program, with every product command in the order `--help` lists them.
    static var tool: CommandLineTool {
        CommandLineTool(
            name: "rathaus",
            description: "appointment booking and the waiting-room queue for citizen offices",
            subcommands: [
                ServeCommand.self,
                CheckCommand.self,
                BackupCommand.self,
                RestoreCommand.self,
                HolidaysCommand.self,
                RetentionCommand.self,
                MailCommand.self,
                TokenCommand.self,
                StaffCommand.self,
                ConfigCommand.self,
                OpenAPICommand.self,
                ProxyConfigCommand.self,
            ],
            defaultCommand: ServeCommand.self)
    }

    /// Runs the command line `arguments` (without the program's name); returns the exit code.
    static func run(_ arguments: [String]) -> Int32 {
        tool.run(arguments)
    }

    /// `rathaus --help`.
    static var help: String { tool.help }
}

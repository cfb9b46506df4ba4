import Foundation

// The tools' command line: `rathaus-tools <command> [options]`. A synchronous main, so that
// valgrind's callgrind can run the benchmarks.
let code = ToolsCommand.run(Array(CommandLine.arguments.dropFirst()))
exit(code)

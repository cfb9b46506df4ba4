import Foundation

// The rathaus command line: `rathaus <command> [options]`. A synchronous main, as in
// rathaus-tools, so that valgrind's callgrind can run it.
let code = RathausCommand.run(Array(CommandLine.arguments.dropFirst()))
exit(code)

import Foundation

// The rathaus command line: `rathaus <command> [options]`. A synchronous main, so that
// valgrind's callgrind can run the benchmarks (Documentation/Performance.md, "Profiling").
let code = RathausCommand.run(Array(CommandLine.arguments.dropFirst()))
exit(code)

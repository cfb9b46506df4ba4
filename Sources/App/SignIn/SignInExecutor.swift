import Dispatch

/// Where the sign-in's asynchronous work runs (discovery, the token request, its checks): a
/// serial dispatch queue of its own, as a task executor preference (SE-0417), not Swift's shared
/// cooperative pool. So nothing that blocks a pool thread elsewhere (a test waiting for an answer,
/// a library) can hold a sign-in up, and a sign-in never takes a pool thread from anyone.
final class SignInExecutor: TaskExecutor {
    private let queue = DispatchQueue(label: "rathaus.sign-in.tasks")

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }

    /// Runs `work` as a task on this executor.
    func run(_ work: @escaping @Sendable () async -> Void) {
        Task(executorPreference: self) { await work() }
    }
}

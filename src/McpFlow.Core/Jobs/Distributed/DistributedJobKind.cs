namespace McpFlow.Core.Jobs.Distributed;

/// <summary>
/// A kind of job that can run on any McpFlow worker in team mode: its name (the job record's kind, e.g.
/// <c>pinn_training</c>), the worker queue it goes to (e.g. <c>physics</c>, so GPU machines can serve only that queue)
/// and the handler type the worker runs it with. Groups register one with
/// <c>services.AddSingleton(new DistributedJobKind(...))</c>; kinds not registered keep running in the process that
/// started them.
/// </summary>
/// <param name="Kind">The job kind, e.g. "pinn_training".</param>
/// <param name="Queue">Worker queue: lower-case letters, digits and underscores (Hangfire's rule), e.g. "physics".</param>
/// <param name="Handler">A type implementing <see cref="IDistributedJobHandler"/>, registered as one too
/// (<c>services.AddSingleton&lt;IDistributedJobHandler, T&gt;()</c>), so a worker finds it without a service locator.</param>
public sealed record DistributedJobKind(string Kind, string Queue, Type Handler);

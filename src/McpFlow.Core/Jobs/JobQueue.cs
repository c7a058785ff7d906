namespace McpFlow.Core.Jobs;

/// <summary>
/// A first-in first-out queue in front of a fixed number of slots. An item submitted while a slot is free takes it at
/// once; otherwise it waits, and each released slot goes to the oldest waiting item. (A <see cref="SemaphoreSlim"/>
/// promises no order among its waiters, and waiters started with <c>Task.Run</c> do not even reach it in order.)
/// Thread-safe; the caller starts what this class hands back.
/// </summary>
/// <typeparam name="T">The queued item.</typeparam>
internal sealed class JobQueue<T>
    where T : class
{
    private readonly LinkedList<T> _waiting = new();
    private readonly Lock _lock = new();
    private readonly int _slots;
    private int _busy;

    /// <summary>Creates a queue in front of <paramref name="slots"/> slots (at least one).</summary>
    public JobQueue(int slots)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slots, 1);
        _slots = slots;
    }

    /// <summary>How many items wait for a slot.</summary>
    public int Waiting
    {
        get
        {
            lock (_lock)
                return _waiting.Count;
        }
    }

    /// <summary>Queues <paramref name="item"/>; returns true when it took a free slot and must be started now.</summary>
    public bool Submit(T item)
    {
        lock (_lock)
        {
            // Invariant: items wait only while every slot is busy, so a free slot means nobody is ahead of this item.
            if (_busy < _slots)
            {
                _busy++;
                return true;
            }

            _waiting.AddLast(item);
            return false;
        }
    }

    /// <summary>Frees the slot of a finished item; returns the oldest waiting item, which now holds that slot and must be
    /// started, or null when nothing waits.</summary>
    public T? Release()
    {
        lock (_lock)
        {
            if (_waiting.First is { } next)
            {
                _waiting.RemoveFirst();
                return next.Value;
            }

            _busy = Math.Max(0, _busy - 1);
            return null;
        }
    }

    /// <summary>Removes a waiting item (it was cancelled before its turn); false if it is not waiting (any more).</summary>
    public bool TryRemove(T item)
    {
        lock (_lock)
            return _waiting.Remove(item);
    }
}

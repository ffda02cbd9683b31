using System.Collections.Concurrent;
using LvaeLive.Render.Gpu;
using LvaeLive.Render.Settings;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace LvaeLive.Render.Tests;

/// <summary>GPU options for tests: lavapipe threads pinned, Khronos validation on, every message collected so tests can fail on it.</summary>
public sealed class ValidationLog
{
    private readonly ConcurrentQueue<ValidationMessage> _messages = new();

    static ValidationLog() => LavapipeThreads.Ensure(2);

    public GpuOptions Options => new() { EnableValidation = true, OnValidationMessage = _messages.Enqueue };

    public IReadOnlyList<ValidationMessage> Messages => [.. _messages];

    public void AssertClean() => Assert.True(_messages.IsEmpty, "validation reported:\n" + string.Join("\n", _messages));
}

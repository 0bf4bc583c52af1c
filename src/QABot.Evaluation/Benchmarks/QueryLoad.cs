using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using QABot.Core.Answering;
using QABot.Core.Retrieval;

namespace QABot.Evaluation.Benchmarks;

/// <summary>
/// Replays questions against a composed service provider from N concurrent clients (closed loop: each takes the next
/// question from a shared queue as soon as its previous one is answered), and times both the search (planner + index)
/// and the whole answer.
/// </summary>
public static class QueryLoad
{
    public const int SearchTop = 10;

    /// <param name="warmup">Asked untimed first: JIT, searcher and cache effects stay out of the measured numbers.</param>
    public static async Task<QueryLoadResult> RunAsync(IServiceProvider services, IReadOnlyList<string> questions, int clients, IReadOnlyList<string> warmup, CancellationToken cancellationToken)
    {
        if (questions.Count == 0) throw new ArgumentException("No questions to replay.", nameof(questions));
        var planner = services.GetRequiredService<IQueryPlanner>();
        var index = services.GetRequiredService<IArticleIndex>();
        var answerer = services.GetRequiredService<IAnswerer>();

        foreach (var question in warmup) await AskAsync(question).ConfigureAwait(false);

        var queue = new ConcurrentQueue<string>(questions);
        var search = new ConcurrentBag<double>();
        var answer = new ConcurrentBag<double>();
        // One dedicated thread per client, released together: the search path completes synchronously, so thread-pool
        // tasks would run only as many clients at a time as the pool has threads (≈ cores) and hide the contention.
        using var start = new ManualResetEventSlim();
        var workers = Enumerable.Range(0, clients).Select(_ => Task.Factory.StartNew(() =>
        {
            start.Wait(cancellationToken);
            while (queue.TryDequeue(out var question))
            {
                var (searchMs, answerMs) = AskAsync(question).GetAwaiter().GetResult();
                search.Add(searchMs);
                answer.Add(answerMs);
            }
        }, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToList();
        var wall = Stopwatch.StartNew();
        start.Set();
        await Task.WhenAll(workers).ConfigureAwait(false);
        wall.Stop();
        return new QueryLoadResult(clients, LatencySummary.Of(search.ToList(), wall.Elapsed), LatencySummary.Of(answer.ToList(), wall.Elapsed));

        async Task<(double SearchMs, double AnswerMs)> AskAsync(string question)
        {
            var clock = Stopwatch.StartNew();
            var request = await planner.PlanAsync(question, SearchTop, null, cancellationToken).ConfigureAwait(false);
            await index.SearchAsync(request, cancellationToken).ConfigureAwait(false);
            var searchMs = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            await answerer.AnswerAsync(new AnswerRequest { Question = question }, cancellationToken).ConfigureAwait(false);
            return (searchMs, clock.Elapsed.TotalMilliseconds);
        }
    }

    /// <summary>
    /// Splits a pool into a warm-up set and <paramref name="loads"/> disjoint, evenly spread question sets of at most
    /// <paramref name="perLoad"/>, so a load never replays questions an earlier load (or the warm-up) already warmed
    /// the caches with. A small pool (a small index) gives the warm-up at most its fair share.
    /// </summary>
    public static (IReadOnlyList<string> Warmup, IReadOnlyList<IReadOnlyList<string>> Loads) Partition(IReadOnlyList<string> pool, int warmup, int loads, int perLoad)
    {
        var warm = Math.Min(warmup, pool.Count / (loads + 1));
        var measured = pool.Skip(warm).ToList();
        return (pool.Take(warm).ToList(),
            Enumerable.Range(0, loads).Select(j => (IReadOnlyList<string>)measured.Where((_, i) => i % loads == j).Take(perLoad).ToList()).ToList());
    }

    /// <summary>
    /// Questions drawn from the index itself: the titles of evenly spaced articles, cut to at most 12 words, so every
    /// corpus size gets queries that have an answer in it.
    /// </summary>
    public static async Task<IReadOnlyList<string>> TitlesAsync(IArticleIndex index, int count, CancellationToken cancellationToken)
    {
        var titles = new List<string>();
        await foreach (var stored in index.ListArticlesAsync(cancellationToken).ConfigureAwait(false))
            if (!string.IsNullOrWhiteSpace(stored.Article.Title)) titles.Add(stored.Article.Title);
        if (titles.Count == 0) throw new InvalidOperationException("The index holds no articles to draw questions from; ingest a corpus first.");
        var stride = Math.Max(1.0, (double)titles.Count / count);
        return Enumerable.Range(0, Math.Min(count, titles.Count))
            .Select(i => string.Join(' ', titles[(int)(i * stride)].Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(12)))
            .ToList();
    }
}

public sealed record QueryLoadResult(int Clients, LatencySummary Search, LatencySummary Answer);

using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using QABot.Core.Answering;
using QABot.Core.Retrieval;

namespace QABot.Evaluation.Benchmarks;

/// <summary>
/// Asks questions of a composed service provider from N concurrent clients (closed loop: each takes the next question
/// from a shared queue as soon as its previous one is answered), twice: the first pass asks questions this process has
/// never seen (what a user's new question costs), the second replays the same questions (caches, JIT and page cache
/// warm). A replay alone would report a warm cache as the product's speed.
/// </summary>
public static class QueryLoad
{
    public const int SearchTop = 10;

    /// <param name="questions">Timed questions; none of them may be in <paramref name="warmup"/>.</param>
    /// <param name="warmup">Asked untimed first, disjoint from the timed ones: the process and the index are started and
    /// the code paths compiled, but no timed question's own terms, expansions or postings have been touched yet.</param>
    public static async Task<QueryLoadResult> RunAsync(IServiceProvider services, IReadOnlyList<string> questions, int clients, IReadOnlyList<string> warmup, CancellationToken cancellationToken)
    {
        if (questions.Count == 0) throw new ArgumentException("No questions to time.", nameof(questions));
        var seen = warmup.ToHashSet(StringComparer.Ordinal);
        if (questions.FirstOrDefault(seen.Contains) is { } repeated)
            throw new ArgumentException($"A timed question is also a warm-up question, so its first pass would be a replay: \"{repeated}\".", nameof(questions));
        var planner = services.GetRequiredService<IQueryPlanner>();
        var index = services.GetRequiredService<IArticleIndex>();
        var answerer = services.GetRequiredService<IAnswerer>();

        foreach (var question in warmup) await AnswerAsync(question).ConfigureAwait(false);

        // The first pass is the whole answer (planning, search, extraction, citation): timing a search first would warm
        // the answer's own search of the same question.
        var (firstPass, _) = Drive(async question => (await AnswerAsync(question).ConfigureAwait(false), 0));
        var (warmAnswer, warmSearch) = Drive(async question => (await AnswerAsync(question).ConfigureAwait(false), await SearchAsync(question).ConfigureAwait(false)));
        return new QueryLoadResult(clients, firstPass, warmAnswer, warmSearch);

        (LatencySummary Answer, LatencySummary Search) Drive(Func<string, Task<(double AnswerMs, double SearchMs)>> ask)
        {
            var queue = new ConcurrentQueue<string>(questions);
            var answers = new ConcurrentBag<double>();
            var searches = new ConcurrentBag<double>();
            // One dedicated thread per client, released together: the search path completes synchronously, so thread-pool
            // tasks would run only as many clients at a time as the pool has threads (≈ cores) and hide the contention.
            using var start = new ManualResetEventSlim();
            var workers = Enumerable.Range(0, clients).Select(_ => Task.Factory.StartNew(() =>
            {
                start.Wait(cancellationToken);
                while (queue.TryDequeue(out var question))
                {
                    var (answerMs, searchMs) = ask(question).GetAwaiter().GetResult();
                    answers.Add(answerMs);
                    searches.Add(searchMs);
                }
            }, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
            var wall = Stopwatch.StartNew();
            start.Set();
            Task.WaitAll(workers, cancellationToken);
            wall.Stop();
            return (LatencySummary.Of(answers.ToList(), wall.Elapsed), LatencySummary.Of(searches.ToList(), wall.Elapsed));
        }

        async Task<double> AnswerAsync(string question)
        {
            var clock = Stopwatch.StartNew();
            await answerer.AnswerAsync(new AnswerRequest { Question = question }, cancellationToken).ConfigureAwait(false);
            return clock.Elapsed.TotalMilliseconds;
        }

        async Task<double> SearchAsync(string question)
        {
            var clock = Stopwatch.StartNew();
            var request = await planner.PlanAsync(question, SearchTop, null, cancellationToken).ConfigureAwait(false);
            await index.SearchAsync(request, cancellationToken).ConfigureAwait(false);
            return clock.Elapsed.TotalMilliseconds;
        }
    }

    /// <summary>
    /// Splits a pool into a warm-up set and <paramref name="loads"/> disjoint, evenly spread question sets of at most
    /// <paramref name="perLoad"/>, so a load never replays questions an earlier load (or the warm-up) already warmed
    /// the caches with. A small pool (a small index) gives the warm-up at most its fair share. Repeated questions in the
    /// pool are kept once, so "disjoint" holds for the text as asked.
    /// </summary>
    public static (IReadOnlyList<string> Warmup, IReadOnlyList<IReadOnlyList<string>> Loads) Partition(IReadOnlyList<string> pool, int warmup, int loads, int perLoad)
    {
        var distinct = pool.Distinct(StringComparer.Ordinal).ToList();
        var warm = Math.Min(warmup, distinct.Count / (loads + 1));
        var measured = distinct.Skip(warm).ToList();
        return (distinct.Take(warm).ToList(),
            Enumerable.Range(0, loads).Select(j => (IReadOnlyList<string>)measured.Where((_, i) => i % loads == j).Take(perLoad).ToList()).ToList());
    }

    /// <summary>
    /// Questions drawn from the index itself: distinct titles of evenly spaced articles, cut to at most 12 words, so
    /// every corpus size gets queries that have an answer in it.
    /// </summary>
    public static async Task<IReadOnlyList<string>> TitlesAsync(IArticleIndex index, int count, CancellationToken cancellationToken)
    {
        var titles = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        // Distinct questions: duplicated articles (and synthetic copies) share a title, and a repeated question is a replay.
        await foreach (var stored in index.ListArticlesAsync(cancellationToken).ConfigureAwait(false))
            if (!string.IsNullOrWhiteSpace(stored.Article.Title) && seen.Add(TitleQuestion(stored.Article.Title))) titles.Add(stored.Article.Title);
        if (titles.Count == 0) throw new InvalidOperationException("The index holds no articles to draw questions from; ingest a corpus first.");
        var stride = Math.Max(1.0, (double)titles.Count / count);
        return Enumerable.Range(0, Math.Min(count, titles.Count))
            .Select(i => TitleQuestion(titles[(int)(i * stride)]))
            .ToList();
    }

    /// <summary>An article title as a question: at most 12 words.</summary>
    public static string TitleQuestion(string title) => string.Join(' ', title.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(12));
}

/// <param name="FirstPass">The whole answer (plan, search, extract, cite) for questions the process had never seen.</param>
/// <param name="Warm">The same questions answered again: what a replay (or a repeated question) costs.</param>
/// <param name="WarmSearch">The planner and index alone (top 10) on the replay.</param>
public sealed record QueryLoadResult(int Clients, LatencySummary FirstPass, LatencySummary Warm, LatencySummary WarmSearch);

using System.Diagnostics;
using System.Text.Json;
using QABot.Cli.Composition;
using QABot.Core.Configuration;
using QABot.Testing;

namespace QABot.Cli.Tests;

/// <summary>
/// What a crash, a SIGTERM, a second writer, a lost commit file, a full disk or a restore beside a running server does
/// to an index, with real `qabot` processes.
/// Every test ends by asserting that nothing committed was lost: the article count and a clean `qabot index check`.
/// </summary>
[Trait("Category", "Faults")]
[Trait("Speed", "Slow")]
public sealed class FaultTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);
    private readonly TempDirectory _temp = new();

    private string DataDir => Path.Combine(_temp.Path, "data");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Two_ingest_processes_at_once_both_commit_and_the_index_holds_every_article()
    {
        var sample = await IngestSampleAsync();
        var first = SyntheticArticles.Write(_temp.File("first.jsonl"), "first", 3000);
        var second = SyntheticArticles.Write(_temp.File("second.jsonl"), "second", 200);

        using var writer = RunningQabot.Start("--data-dir", DataDir, "ingest", first);
        await Poll.UntilAsync(() => WriterPid() == writer.Id || writer.HasExited, Timeout, "the first ingest holds the writer lock");
        Assert.False(writer.HasExited, "the first ingest finished before the second could start; the test needs them to overlap");
        using var waiter = RunningQabot.Start("--data-dir", DataDir, "ingest", second);
        await Poll.UntilAsync(() => waiter.Error.Contains("waiting…", StringComparison.Ordinal) || waiter.HasExited, Timeout, "the second ingest waits");

        Assert.Contains($"another ingest (pid {writer.Id}) is writing to {DataDir}; waiting… Ctrl-C to stop", waiter.Error);
        Assert.Equal(ExitCodes.Success, await writer.WaitForExitAsync(Timeout));
        Assert.Equal(ExitCodes.Success, await waiter.WaitForExitAsync(Timeout));
        await AssertIntactAsync(sample + 3000 + 200);
    }

    [Fact]
    public async Task With_no_wait_a_second_writer_exits_with_its_own_code_and_changes_nothing()
    {
        var sample = await IngestSampleAsync();
        var more = SyntheticArticles.Write(_temp.File("more.jsonl"), "more", 10);
        // This test process is the other writer: the lock is the same OS lock, taken from another process.
        using (DataDirectoryWriterLock.TryAcquire(DataDir, out _) ?? throw new InvalidOperationException("lock not free"))
        {
            var (code, _, error) = await QabotProcess.RunAsync(Timeout, "--data-dir", DataDir, "ingest", "--no-wait", more);
            Assert.Equal(ExitCodes.Busy, code);
            Assert.Contains($"another ingest (pid {Environment.ProcessId}) is writing to {DataDir}", error);
        }
        await AssertIntactAsync(sample);
    }

    [Fact]
    public async Task A_waiting_writer_goes_on_when_the_holder_releases_the_lock()
    {
        var sample = await IngestSampleAsync();
        var more = SyntheticArticles.Write(_temp.File("more.jsonl"), "more", 10);
        using var held = DataDirectoryWriterLock.TryAcquire(DataDir, out _) ?? throw new InvalidOperationException("lock not free");
        using var waiter = RunningQabot.Start("--data-dir", DataDir, "ingest", more);
        await Poll.UntilAsync(() => waiter.Error.Contains("waiting…", StringComparison.Ordinal) || waiter.HasExited, Timeout, "the ingest waits");
        Assert.False(waiter.HasExited, $"the ingest did not wait: {waiter.Error}");

        held.Dispose();
        Assert.Equal(ExitCodes.Success, await waiter.WaitForExitAsync(Timeout));
        await AssertIntactAsync(sample + 10);
    }

    [Fact]
    public async Task A_missing_commit_file_is_an_error_naming_it_and_no_file_is_touched()
    {
        var sample = await IngestSampleAsync();
        var lucene = Path.Combine(DataDir, "lucene");
        foreach (var commit in Directory.EnumerateFiles(lucene, "segments*")) File.Delete(commit);
        var before = Listing(lucene);

        foreach (var args in new[] { new[] { "stats" }, ["ask", "ماذا أهدى بوتين لكيم جونغ أون؟"], ["ingest", RepoPaths.SampleCorpus] })
        {
            var (code, _, error) = await QabotProcess.RunAsync(Timeout, ["--data-dir", DataDir, .. args]);
            Assert.Equal(ExitCodes.Failure, code);
            var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("error:", StringComparison.Ordinal));
            Assert.Contains("segments_N is missing", line);
            Assert.Contains("qabot index check", line);
            Assert.Equal(before, Listing(lucene));
        }
        var check = await QabotProcess.RunAsync(Timeout, "--data-dir", DataDir, "index", "check");
        Assert.Equal(ExitCodes.Failure, check.ExitCode);
        Assert.Equal(before, Listing(lucene));
    }

    [RequiresTmpfsFact]
    public async Task A_full_disk_fails_the_ingest_cleanly_and_keeps_the_committed_index()
    {
        var mount = Path.Combine(_temp.Path, "small");
        Directory.CreateDirectory(mount);
        Run("mount", "-t", "tmpfs", "-o", "size=5m", "tmpfs", mount);
        try
        {
            var data = Path.Combine(mount, "data");
            var sample = await IngestSampleAsync(data);
            var big = SyntheticArticles.Write(_temp.File("big.jsonl"), "big", 6000, sentencesPerArticle: 12);

            var (code, _, error) = await QabotProcess.RunAsync(Timeout, "--data-dir", data, "ingest", big);
            Assert.Equal(ExitCodes.Failure, code);
            Assert.Contains("No space left on device", error);
            await AssertIntactAsync(sample, data);
        }
        finally { Run("umount", mount); }
    }

    /// <param name="sigterm">SIGTERM (a stop request, honoured like Ctrl-C: exit 130) rather than kill -9 (no handler runs).</param>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_ingest_killed_or_terminated_midway_commits_nothing_releases_the_lock_and_the_rerun_gives_the_right_count(bool sigterm)
    {
        var sample = await IngestSampleAsync();
        var corpus = SyntheticArticles.Write(_temp.File("big.jsonl"), "big", 3000);

        using (var victim = await StartIngestHoldingTheLockAsync(corpus))
        {
            if (sigterm) victim.Terminate();
            else victim.KillHard();
            var code = await victim.WaitForExitAsync(Timeout);
            if (sigterm) Assert.Equal(ExitCodes.Cancelled, code);
        }
        using (var free = DataDirectoryWriterLock.TryAcquire(DataDir, out var holder))
            Assert.True(free is not null, $"the writer lock is still held (pid {holder})");
        await AssertIntactAsync(sample);

        var rerun = await QabotProcess.RunAsync(Timeout, "--data-dir", DataDir, "ingest", corpus);
        Assert.Equal(ExitCodes.Success, rerun.ExitCode);
        await AssertIntactAsync(sample + 3000);
    }

    [Fact]
    public async Task Sigterm_to_serve_under_upload_load_keeps_every_upload_it_acknowledged()
    {
        var sample = await IngestSampleAsync();
        var acknowledged = new System.Collections.Concurrent.ConcurrentBag<string>();
        using (var serve = await StartServeAsync())
        {
            using var stop = new CancellationTokenSource();
            var uploaders = Enumerable.Range(0, 3).Select(client => Task.Run(async () =>
            {
                using var http = ServeClient(serve);
                for (var n = 0; !stop.IsCancellationRequested; n++)
                {
                    var id = $"term-{client}-{n}";
                    try
                    {
                        using var response = await http.PostAsync("/api/articles", new StringContent(
                            LiveArticles.Line(id, $"خبر رقم {n} من العميل {client}", $"أعلن المجلس البلدي رقم {client}{n} افتتاح الحديقة {id} للزوار."),
                            System.Text.Encoding.UTF8, "application/json"));
                        if (response.IsSuccessStatusCode) acknowledged.Add(id);
                    }
                    catch (HttpRequestException) { await Task.Delay(20); }
                    catch (TaskCanceledException) { }
                }
            })).ToList();

            await Poll.UntilAsync(() => acknowledged.Count >= 15 || serve.Process.HasExited, Timeout, "serve acknowledges uploads");
            Assert.False(serve.Process.HasExited, serve.Process.Error);
            serve.Process.Terminate();
            Assert.Equal(ExitCodes.Success, await serve.Process.WaitForExitAsync(Timeout));
            await stop.CancelAsync();
            await Task.WhenAll(uploaders);
        }

        var (code, listing, error) = await QabotProcess.RunAsync(Timeout, "--data-dir", DataDir, "articles", "list", "--limit", "0", "--json");
        Assert.True(code == ExitCodes.Success, error);
        var stored = JsonDocument.Parse(listing).RootElement.GetProperty("articles").EnumerateArray()
            .Select(a => a.GetProperty("articleId").GetString()).ToHashSet();
        var lost = acknowledged.Where(id => !stored.Contains(id)).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} of {acknowledged.Count} acknowledged uploads are missing: {string.Join(", ", lost.Take(10))}");
        // An upload whose answer the signal cut off may be stored or not; nothing else may have been added or lost.
        var uploaded = stored.Count(id => id!.StartsWith("term-", StringComparison.Ordinal));
        await AssertIntactAsync(sample + uploaded);
    }

    [Fact]
    public async Task An_ingest_while_serving_is_served_within_five_seconds_and_a_restore_is_refused_naming_the_server()
    {
        var sample = await IngestSampleAsync();
        var snapshot = _temp.File("snapshot");
        Assert.Equal(ExitCodes.Success, (await QabotProcess.RunAsync(Timeout, "--data-dir", DataDir, "index", "snapshot", snapshot)).ExitCode);
        var late = SyntheticArticles.Write(_temp.File("late.jsonl"), "late", 5);
        using (var serve = await StartServeAsync())
        using (var http = ServeClient(serve))
        {
            using (var missing = await http.GetAsync("/api/articles/late-00001")) Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.StatusCode);

            // A reader never blocks the writer: the ingest runs while serve holds the index open.
            var ingest = await QabotProcess.RunAsync(Timeout, "--data-dir", DataDir, "ingest", "--no-wait", late);
            Assert.True(ingest.ExitCode == ExitCodes.Success, ingest.Error);
            var seen = await Eventually.TrueWithinAsync(TimeSpan.FromSeconds(5), async () =>
            {
                using var response = await http.GetAsync("/api/articles/late-00001");
                return response.IsSuccessStatusCode;
            });
            Assert.True(seen, "serve did not answer for the article the other process committed within 5 s");

            var (code, _, error) = await QabotProcess.RunAsync(Timeout, "--data-dir", DataDir, "index", "restore", snapshot);
            Assert.Equal(ExitCodes.InUse, code);
            Assert.Contains($"pid {serve.Process.Id}", error);
            Assert.Empty(Directory.GetDirectories(DataDir, "lucene.before-*"));
            using (var still = await http.GetAsync("/api/articles/late-00001")) Assert.True(still.IsSuccessStatusCode, "serve lost the article after the refused restore");

            serve.Process.Terminate();
            Assert.Equal(ExitCodes.Success, await serve.Process.WaitForExitAsync(Timeout));
        }
        await AssertIntactAsync(sample + 5);

        var restore = await QabotProcess.RunAsync(Timeout, "--data-dir", DataDir, "index", "restore", snapshot);
        Assert.True(restore.ExitCode == ExitCodes.Success, restore.Error);
        await AssertIntactAsync(sample);
    }

    [Fact]
    public void A_reader_in_this_process_makes_a_restore_refuse_with_its_pid_while_the_writer_lock_stays_free()
    {
        Directory.CreateDirectory(DataDir);
        using (DataDirectoryReaders.Register(DataDir))
        {
            using (var writer = DataDirectoryWriterLock.TryAcquire(DataDir, out _)) Assert.NotNull(writer);
            var refused = Assert.Throws<IndexInUseException>(() => DataDirectoryReaders.AcquireExclusive(DataDir));
            Assert.Equal([Environment.ProcessId], refused.Readers);
        }
        using var exclusive = DataDirectoryReaders.AcquireExclusive(DataDir);
        Assert.Empty(DataDirectoryReaders.LiveReaders(DataDir));
    }

    private sealed record ServeProcess(RunningQabot Process, Uri Address) : IDisposable
    {
        public void Dispose() => Process.Dispose();
    }

    private const string ApiKey = "fault-test-key";

    /// <summary>`qabot serve` as its own process on a free loopback port with an API key, once /healthz answers.</summary>
    private async Task<ServeProcess> StartServeAsync()
    {
        int port;
        using (var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        }
        var address = new Uri($"http://127.0.0.1:{port}");
        var process = RunningQabot.Start(new Dictionary<string, string>
        {
            ["Web__ApiKeys__0"] = ApiKey,
            ["Telegram__Enabled"] = "false",
            ["Llm__Endpoint"] = "",
        }, "--data-dir", DataDir, "serve", "--urls", address.ToString());
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        await Poll.UntilAsync(() =>
        {
            if (process.HasExited) return true;
            try { return http.GetAsync("/healthz").GetAwaiter().GetResult().IsSuccessStatusCode; }
            catch (HttpRequestException) { return false; }
            catch (TaskCanceledException) { return false; }
        }, Timeout, "serve answers /healthz");
        if (process.HasExited) throw new InvalidOperationException($"serve exited: {process.Error}");
        return new ServeProcess(process, address);
    }

    private static HttpClient ServeClient(ServeProcess serve)
    {
        var http = new HttpClient { BaseAddress = serve.Address, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return http;
    }

    /// <returns>The articles the sample corpus gives (appended articles are their own).</returns>
    private async Task<int> IngestSampleAsync(string? dataDir = null)
    {
        dataDir ??= DataDir;
        var (code, _, error) = await QabotProcess.RunAsync(Timeout, "--data-dir", dataDir, "ingest", RepoPaths.SampleCorpus);
        Assert.True(code == ExitCodes.Success, error);
        var stats = await QabotProcess.RunAsync(Timeout, "--data-dir", dataDir, "stats", "--json");
        return JsonDocument.Parse(stats.Out).RootElement.GetProperty("articles").GetInt32();
    }

    /// <summary>Nothing lost: the index opens, holds exactly the expected articles, and CheckIndex finds every segment sound.</summary>
    private async Task AssertIntactAsync(int articles, string? dataDir = null)
    {
        dataDir ??= DataDir;
        var (code, stats, error) = await QabotProcess.RunAsync(Timeout, "--data-dir", dataDir, "stats", "--json");
        Assert.True(code == ExitCodes.Success, error);
        Assert.Equal(articles, JsonDocument.Parse(stats).RootElement.GetProperty("articles").GetInt32());
        var check = await QabotProcess.RunAsync(Timeout, "--data-dir", dataDir, "index", "check");
        Assert.True(check.ExitCode == ExitCodes.Success, check.Out + check.Error);
    }

    /// <summary>An ingest of <paramref name="corpus"/> caught while it writes: it holds the writer lock and has not finished.</summary>
    private async Task<RunningQabot> StartIngestHoldingTheLockAsync(string corpus)
    {
        var ingest = RunningQabot.Start("--data-dir", DataDir, "ingest", corpus);
        await Poll.UntilAsync(() => WriterPid() == ingest.Id || ingest.HasExited, Timeout, "the ingest holds the writer lock");
        Assert.False(ingest.HasExited, "the ingest finished before the test could interrupt it");
        return ingest;
    }

    private int? WriterPid()
    {
        try { return int.TryParse(File.ReadAllText(Path.Combine(DataDir, DataDirectoryWriterLock.OwnerFileName)), out var pid) ? pid : null; }
        catch (IOException) { return null; }
    }

    private static string Listing(string folder) => string.Join("\n",
        Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal).Select(f => $"{Path.GetFileName(f)} {new FileInfo(f).Length}"));

    private static void Run(string file, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardError = true })!;
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', args)}: {process.StandardError.ReadToEnd()}");
    }
}

/// <summary>
/// A fact that needs a small tmpfs to fill: it runs only as root where mounting one works, and is otherwise reported
/// as skipped with the reason. Whether a mount works is found out by mounting (and unmounting) one.
/// </summary>
public sealed class RequiresTmpfsFactAttribute : FactAttribute
{
    public RequiresTmpfsFactAttribute()
    {
        if (!OperatingSystem.IsLinux()) { Skip = "disk-full test: needs Linux tmpfs"; return; }
        if (Environment.UserName != "root") { Skip = $"disk-full test: needs root to mount a 5 MB tmpfs (running as {Environment.UserName})"; return; }
        var probe = Path.Combine(Path.GetTempPath(), "qabot-tmpfs-probe-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(probe);
        try
        {
            using var mount = Process.Start(new ProcessStartInfo("mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", probe]) { RedirectStandardError = true })!;
            mount.WaitForExit();
            if (mount.ExitCode != 0) { Skip = $"disk-full test: mounting a tmpfs failed: {mount.StandardError.ReadToEnd().Trim()}"; return; }
            using var umount = Process.Start("umount", probe);
            umount.WaitForExit();
        }
        catch (System.ComponentModel.Win32Exception e) { Skip = $"disk-full test: cannot run mount: {e.Message}"; }
        finally { try { Directory.Delete(probe); } catch (IOException) { } }
    }
}

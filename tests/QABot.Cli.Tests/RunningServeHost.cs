using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QABot.Cli.Commands;
using QABot.Cli.Composition;
using QABot.Testing;

namespace QABot.Cli.Tests;

/// <summary>
/// `qabot serve` as composed for production over a fresh data dir with the sample corpus: by default the web host alone
/// on a free loopback port; <c>settings</c> switch hosts on or off (e.g. a Telegram bot pointed at a stand-in).
/// </summary>
public sealed class RunningServeHost : IAsyncDisposable
{
    private readonly TempDirectory _data;

    private RunningServeHost(IHost host, ServePlan plan, Uri? address, TempDirectory data) => (Host, Plan, Address, _data) = (host, plan, address, data);

    public IHost Host { get; }
    public ServePlan Plan { get; }
    /// <summary>Where the web host listens; null when the web host is off.</summary>
    public Uri? Address { get; }
    /// <summary>The data directory the host serves, for a second writer (another process) to ingest into.</summary>
    public string DataDir => _data.Path;

    public static async Task<RunningServeHost> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var data = new TempDirectory();
        var env = new CliEnvironment(TextWriter.Null, TextWriter.Null, TextReader.Null, Interactive: false)
        {
            Overrides = new Dictionary<string, string?>
            {
                ["Data:Directory"] = data.Path,
                ["Data:SampleCorpus"] = RepoPaths.SampleCorpus,
                ["Web:Urls"] = "http://127.0.0.1:0",
                ["Telegram:Enabled"] = "false",
                ["Llm:Endpoint"] = "",
                ["Retrieval:Backend"] = "Embedded",
            },
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) env.Overrides[key] = value;
        var (host, plan) = ServeHost.Build(env, verbose: false);
        await FirstRun.EnsureSampleCorpusAsync(host.Services, env, CancellationToken.None);
        await host.StartAsync();
        var address = host.Services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.First();
        return new RunningServeHost(host, plan, address is null ? null : new Uri(address), data);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
        _data.Dispose();
    }
}

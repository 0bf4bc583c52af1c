using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QABot.Cli.Commands;
using QABot.Cli.Composition;
using QABot.Testing;

namespace QABot.Cli.Tests;

/// <summary>`qabot serve` as composed for production, web only, on a free loopback port over a fresh data dir with the sample corpus.</summary>
public sealed class RunningServeHost : IAsyncDisposable
{
    private readonly TempDirectory _data;

    private RunningServeHost(IHost host, ServePlan plan, Uri address, TempDirectory data) => (Host, Plan, Address, _data) = (host, plan, address, data);

    public IHost Host { get; }
    public ServePlan Plan { get; }
    public Uri Address { get; }

    public static async Task<RunningServeHost> StartAsync()
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
        var (host, plan) = ServeHost.Build(env, verbose: false);
        await FirstRun.EnsureSampleCorpusAsync(host.Services, env, CancellationToken.None);
        await host.StartAsync();
        var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RunningServeHost(host, plan, new Uri(address), data);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
        _data.Dispose();
    }
}

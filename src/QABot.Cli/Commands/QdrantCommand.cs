using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using QABot.Cli.Composition;
using QABot.Core.Json;
using QABot.Retrieval.Qdrant.Index;
using QABot.Retrieval.Qdrant.Options;

namespace QABot.Cli.Commands;

public static class QdrantCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var command = new Command("qdrant", """
            Inspect and back up the Qdrant backend (Retrieval:Backend=Qdrant, or QDRANT_URL set).
            See deploy/README.md for running against a Qdrant cluster.
            """);
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var status = new Command("status", "Collection behind the alias: status, points, segments, shards, replication, vectors, payload indexes.") { json };
        status.SetAction((parse, ct) => globals.RunAsync(parse, ct, async (services, token) =>
        {
            var env = globals.EnvironmentFor(parse);
            if (!RequireConfigured(services, env)) return ExitCodes.BadInput;
            var report = await services.GetRequiredService<QdrantArticleIndex>().GetStatusAsync(token);
            if (parse.GetValue(json))
            {
                await env.Out.WriteLineAsync(JsonSerializer.Serialize(report, AnswerJson.IndentedSerializerOptions));
                return ExitCodes.Success;
            }
            await env.Out.WriteLineAsync($"url:         {report.Url}");
            await env.Out.WriteLineAsync($"alias:       {report.Alias} → {report.Collection ?? "(no collection yet: run qabot ingest)"}");
            await env.Out.WriteLineAsync($"status:      {report.Status}{(report.OptimizerStatus is { } o ? $" (optimizer: {o})" : "")}");
            if (!report.Exists) return ExitCodes.Success;
            await env.Out.WriteLineAsync($"points:      {report.Points} ({report.IndexedVectors} indexed vectors, {report.Segments} segments)");
            await env.Out.WriteLineAsync($"cluster:     shards {report.ShardNumber}, replication {report.ReplicationFactor}, write consistency {report.WriteConsistencyFactor}");
            await env.Out.WriteLineAsync($"sparse:      {string.Join(", ", report.SparseVectors.Select(p => $"{p.Key} ({p.Value})"))}");
            await env.Out.WriteLineAsync($"dense:       {(report.DenseVectors.Count == 0 ? "none (no embedding model)" : string.Join(", ", report.DenseVectors.Select(p => $"{p.Key} {p.Value}")))}{(report.EmbeddingModel is { } m ? $" model {m}" : "")}");
            await env.Out.WriteLineAsync($"payload idx: {string.Join(", ", report.PayloadIndexes.Select(p => $"{p.Key}:{p.Value}"))}");
            foreach (var warning in report.Warnings) await env.Out.WriteLineAsync($"warning:     {warning}");
            return ExitCodes.Success;
        }));

        var snapshot = new Command("snapshot", "Create a snapshot of the current collection (backup), or list existing ones with --list.");
        var list = new Option<bool>("--list") { Description = "List snapshots instead of creating one." };
        snapshot.Add(list);
        snapshot.SetAction((parse, ct) => globals.RunAsync(parse, ct, async (services, token) =>
        {
            var env = globals.EnvironmentFor(parse);
            if (!RequireConfigured(services, env)) return ExitCodes.BadInput;
            var index = services.GetRequiredService<QdrantArticleIndex>();
            if (parse.GetValue(list))
            {
                foreach (var s in await index.ListSnapshotsAsync(token)) await env.Out.WriteLineAsync($"{s.Name}  {s.Size} bytes  {s.CreationTime?.ToDateTimeOffset():u}");
                return ExitCodes.Success;
            }
            var created = await index.CreateSnapshotAsync(token);
            await env.Out.WriteLineAsync($"snapshot created: {created.Name} ({created.Size} bytes)");
            return ExitCodes.Success;
        }));

        command.Add(status);
        command.Add(snapshot);
        return command;
    }

    private static bool RequireConfigured(IServiceProvider services, CliEnvironment env)
    {
        if (services.GetRequiredService<IOptions<QdrantOptions>>().Value.IsConfigured) return true;
        env.Error.WriteLine($"error: no Qdrant URL configured: set {QdrantOptions.UrlVariable} or Retrieval:Qdrant:Url.");
        return false;
    }
}

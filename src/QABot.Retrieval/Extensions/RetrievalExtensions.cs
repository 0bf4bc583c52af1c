using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QABot.Core.Answering;
using QABot.Core.Configuration;
using QABot.Core.Domain;
using QABot.Core.Retrieval;
using QABot.Retrieval.CrossLingual;
using QABot.Retrieval.Lucene;
using QABot.Retrieval.Options;
using QABot.Retrieval.Planning;
using QABot.Text.Outlets;

namespace QABot.Retrieval.Extensions;

public static class RetrievalExtensions
{
    /// <summary>
    /// The embedded Lucene index as <see cref="IArticleIndex"/> (AddQdrantRetrieval replaces it when
    /// Retrieval:Backend is "Qdrant"), the dictionary and gazetteer expanders, the query planner, the one
    /// <see cref="OutletCatalog"/> (also as <see cref="IOutletNames"/>) that answerers, CLI and hosts share, and the
    /// offline <see cref="IEnglishRenderer"/> of short answers. Dictionaries and gazetteer are read on first use, so an
    /// Arabic question or a command that searches nothing never loads them.
    /// </summary>
    public static IHostApplicationBuilder AddRetrieval(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DataOptions>().Bind(builder.Configuration.GetSection(DataOptions.SectionName));
        services.AddOptions<RetrievalOptions>().Bind(builder.Configuration.GetSection(RetrievalOptions.SectionName))
            .Validate(o => o.Top > 0, "Retrieval:Top must be positive.")
            .Validate(o => o.Fusion.IsValid, "Retrieval:Fusion needs SparseWeight and DenseWeight ≥ 0 (not both 0) and K > 0.")
            .Validate(o => o.Backend is RetrievalBackends.Embedded or RetrievalBackends.Qdrant, "Retrieval:Backend must be \"Embedded\" or \"Qdrant\".");

        services.AddSingleton<LuceneArticleIndex>();
        services.AddSingleton<IArticleIndex>(sp => sp.GetRequiredService<LuceneArticleIndex>());
        // Resolved lazily, so it reads whichever IArticleIndex is registered last (Qdrant replaces Lucene).
        services.AddSingleton(sp => new OutletCatalog(OutletTable.Default, sp.GetRequiredService<IArticleIndex>(), sp.GetService<TimeProvider>()));
        services.AddSingleton<IOutletNames>(sp => sp.GetRequiredService<OutletCatalog>());

        services.AddSingleton(sp => new FreeDictDictionary(
            sp.GetRequiredService<IOptions<RetrievalOptions>>().Value.CrossLingual.DictionaryPath,
            sp.GetRequiredService<ILogger<FreeDictDictionary>>(),
            cacheDirectory: DictionaryCache(sp)));
        services.AddSingleton(sp => Gazetteer.LoadOnFirstUse(
            sp.GetRequiredService<IOptions<RetrievalOptions>>().Value.CrossLingual.GazetteerPath,
            sp.GetRequiredService<ILogger<Gazetteer>>()));
        services.AddSingleton<IEnglishRenderer>(sp => new ArabicEnglishRenderer(
            sp.GetRequiredService<Gazetteer>(),
            new FreeDictDictionary(
                sp.GetRequiredService<IOptions<RetrievalOptions>>().Value.CrossLingual.ReverseDictionaryPath,
                sp.GetRequiredService<ILogger<FreeDictDictionary>>(),
                DictionaryDirection.ArabicToEnglish,
                DictionaryCache(sp)),
            new CommonEnglishWords(
                sp.GetRequiredService<IOptions<RetrievalOptions>>().Value.CrossLingual.CommonEnglishWordsPath,
                sp.GetRequiredService<ILogger<CommonEnglishWords>>())));
        services.AddSingleton<IQueryExpander, DictionaryQueryExpander>();
        services.AddSingleton<IQueryExpander, GazetteerQueryExpander>();
        services.AddSingleton<IQueryPlanner>(sp => new QueryPlanner(
            sp.GetServices<IQueryExpander>(),
            sp.GetRequiredService<ILogger<QueryPlanner>>(),
            sp.GetService<ITextEmbedder>()));
        return builder;
    }

    /// <summary>The dictionaries' compiled form lives with the index (data directory), where the process may write.</summary>
    private static string DictionaryCache(IServiceProvider services) =>
        Path.Combine(services.GetRequiredService<IOptions<DataOptions>>().Value.ResolvedDirectory, "cache");
}

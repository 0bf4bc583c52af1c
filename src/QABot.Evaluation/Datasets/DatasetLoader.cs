namespace QABot.Evaluation.Datasets;

/// <summary>Opens a QA set by path, telling the format from what is there.</summary>
public static class DatasetLoader
{
    /// <param name="path">A <c>.jsonl</c> file (our format), a SQuAD <c>.json</c> file, or a folder holding <c>xquad.ar.json</c>.</param>
    /// <param name="corpusPaths">Articles to index for a JSONL set (SQuAD sets bring their own paragraphs).</param>
    /// <param name="limit">At most this many questions per group (spread over the file), for quick runs.</param>
    public static EvalDataset Load(string path, IReadOnlyList<string> corpusPaths, int? limit = null)
    {
        if (Directory.Exists(path))
        {
            var arabic = Path.Combine(path, "xquad.ar.json");
            if (!File.Exists(arabic))
                throw new FileNotFoundException($"The folder {path} holds no xquad.ar.json; pass a .jsonl QA set or a SQuAD .json file.", arabic);
            return SquadDatasetReader.Read(arabic, ExistingOrNull(Path.Combine(path, "xquad.en.json")), limit);
        }
        if (!File.Exists(path)) throw new FileNotFoundException($"QA set not found: {path}", path);

        if (path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
        {
            if (corpusPaths.Count == 0) throw new ArgumentException("A JSONL QA set needs the corpus it was written for (corpus paths).", nameof(corpusPaths));
            return QaJsonlReader.Read(path, corpusPaths, limit);
        }
        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            return SquadDatasetReader.Read(path, ParallelEnglishFile(path), limit);
        throw new InvalidDataException($"Cannot tell the format of {path}: expected .jsonl (QABot QA set) or .json (SQuAD/XQuAD).");
    }

    /// <summary>xquad.ar.json → xquad.en.json beside it, for the cross-lingual questions.</summary>
    private static string? ParallelEnglishFile(string path)
    {
        var name = Path.GetFileName(path);
        var marker = name.LastIndexOf(".ar.json", StringComparison.OrdinalIgnoreCase);
        return marker < 0 ? null : ExistingOrNull(Path.Combine(Path.GetDirectoryName(path) ?? ".", name[..marker] + ".en.json"));
    }

    private static string? ExistingOrNull(string path) => File.Exists(path) ? path : null;
}

namespace CertPlatform.Web.Features.QuestionBank.Formats;

/// <summary>
/// What an importer read. Importers never throw on malformed input: every problem is an
/// <see cref="ImportIssue"/> with a line number, and questions that had a hard error are not in
/// <see cref="Questions"/>.
/// </summary>
public sealed class ImportResult
{
    public List<ImportedQuestion> Questions { get; } = [];
    public List<ImportIssue> Issues { get; } = [];

    /// <summary>True when nothing but skipped questions was reported: the questions may be imported.</summary>
    public bool Ok => Issues.All(i => i.Skipped);

    public void Error(string file, int line, ImportText message) => Issues.Add(new(file, line, message, Skipped: false));
    public void Skip(string file, int line, ImportText message) => Issues.Add(new(file, line, message, Skipped: true));
}

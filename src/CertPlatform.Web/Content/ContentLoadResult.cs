namespace CertPlatform.Web.Content;

/// <summary>The outcome of loading a content folder: what loaded and every problem found.</summary>
public sealed class ContentLoadResult
{
    public Curriculum? Curriculum { get; init; }
    public IReadOnlyDictionary<string, Lesson> Lessons { get; init; } = new Dictionary<string, Lesson>();
    public IReadOnlyList<BankQuestion> Questions { get; init; } = [];
    public IReadOnlyList<ContentError> Problems { get; init; } = [];
    public IEnumerable<ContentError> Errors => Problems.Where(p => !p.IsWarning);
    public IEnumerable<ContentError> Warnings => Problems.Where(p => p.IsWarning);
    public bool Ok => Curriculum is not null && !Errors.Any();
}

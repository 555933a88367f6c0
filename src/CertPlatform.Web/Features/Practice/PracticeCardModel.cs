namespace CertPlatform.Web.Features.Practice;

/// <summary>The dashboard card: open mistakes and the weakest lessons.</summary>
public sealed record PracticeCardModel(int OpenMistakes, IReadOnlyList<WeakTopic> Weak);

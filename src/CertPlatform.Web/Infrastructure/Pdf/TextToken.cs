namespace CertPlatform.Web.Infrastructure.Pdf;

/// <summary>
/// A piece that is never split, with whether a space precedes it. Other tokens wider than the line are broken between
/// characters; a <paramref name="Keep"/> token (a protected phrase) is not: the text shrinks until it fits instead.
/// </summary>
internal readonly record struct TextToken(string Text, bool SpaceBefore, bool Keep = false);

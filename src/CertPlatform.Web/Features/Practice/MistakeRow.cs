using CertPlatform.Web.Data;

namespace CertPlatform.Web.Features.Practice;

/// <summary>
/// A notebook entry with its question's stem as it reads today; a <paramref name="Concealed"/> entry (missed where the
/// answers were hidden, or a secure question) carries no stem: the page says only that a question on its lesson was missed.
/// </summary>
public sealed record MistakeRow(MistakeEntry Entry, string Stem, bool Practisable, bool Concealed = false);

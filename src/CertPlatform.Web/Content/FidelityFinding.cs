namespace CertPlatform.Web.Content;

/// <summary>
/// One problem found by <c>-- fidelity</c>: <see cref="Kind"/> is <c>changed</c> (wording differs from the
/// seed), <c>unmarked</c> (text not in the seed outside a supplement block), <c>wording</c> (a documented
/// substitution never mentioned in the lesson), <c>stem</c> (a "教材…" stem testing a supplement),
/// <c>later-reference</c> or <c>source</c>.
/// </summary>
public sealed record FidelityFinding(string File, int Line, string Kind, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Kind}: {Message}";
}

using CertPlatform.Web.Domain.Questions;

namespace CertPlatform.Web.Features.QuestionBank.Formats;

/// <summary>
/// A question's pool as the interchange formats write it: <c>practice</c> or <c>secure</c> (GIFT's
/// <c>// @certplatform</c> comment, Moodle XML's <c>certplatform:pool=…</c> tag, the QTI package manifest's metadata).
/// Aiken has nowhere to put it.
/// </summary>
public static class PoolTag
{
    public static string Key(QuestionPool pool) => pool == QuestionPool.Secure ? "secure" : "practice";

    /// <summary>The pool a file names; null for anything but practice or secure (any case, surrounding spaces ignored).</summary>
    public static QuestionPool? Parse(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "practice" => QuestionPool.Practice,
        "secure" => QuestionPool.Secure,
        _ => null,
    };
}

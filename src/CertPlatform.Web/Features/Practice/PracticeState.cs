using System.Security.Cryptography;
using CertPlatform.Web.Domain.Questions;

namespace CertPlatform.Web.Features.Practice;

/// <summary>
/// A practice set as it travels between the trainee's pages: which questions, where they are, how
/// they did so far. It lives in the URL, encrypted and authenticated for this user only
/// (<see cref="PracticeTokens"/>), so there is nothing to store on the server and nothing the
/// trainee can change or read (question keys are never in it).
/// </summary>
public sealed record PracticeState
{
    public required string UserId { get; init; }
    public required string Scope { get; init; }
    /// <summary>Lesson or part id; for <see cref="PracticeScope.Mistakes"/> a lesson id or "" for all lessons.</summary>
    public string ScopeId { get; init; } = "";
    public required IReadOnlyList<PracticeItem> Items { get; init; }
    /// <summary>Seeds the option shuffle of every question of the set (<see cref="ItemSeed"/>).</summary>
    public int Seed { get; init; }
    /// <summary>Index of the question to answer next; equal to the item count when the set is done.</summary>
    public int Position { get; init; }
    /// <summary>Score in percent (0–100) of each answered question, in set order.</summary>
    public IReadOnlyList<int> Outcomes { get; init; } = [];
    /// <summary>When this state was issued (Unix ms): an answer recorded after it means the page was submitted before.</summary>
    public long IssuedAtMs { get; init; }
    /// <summary>Identifies this token for <see cref="PracticeTokenLedger"/> (single use); new with every answer.</summary>
    public string Nonce { get; init; } = NewNonce();

    public bool Finished => Position >= Items.Count;
    public int Right => CountOf(AnswerVerdict.Right);
    public int Partial => CountOf(AnswerVerdict.Partial);
    public int Wrong => CountOf(AnswerVerdict.Wrong);

    private int CountOf(AnswerVerdict verdict) => Outcomes.Count(o => AnswerVerdicts.OfPercent(o) == verdict);

    /// <summary>Structurally sound (a token that decrypts was written by us, but stay strict anyway).</summary>
    public bool IsWellFormed =>
        Items.Count is > 0 and <= 50 && Position >= 0 && Position <= Items.Count && Outcomes.Count == Position &&
        Scope is PracticeScope.Lesson or PracticeScope.Part or PracticeScope.Mistakes;

    /// <summary>The shuffle seed of the question at <paramref name="position"/>: fixed by the set, different per question.</summary>
    public int ItemSeed(int position) => unchecked((Seed * 397) ^ ((position + 1) * 7919));

    /// <summary>The state after the current question was answered with <paramref name="percent"/>.</summary>
    public PracticeState Answered(int percent, DateTimeOffset at) => this with
    {
        Position = Position + 1,
        Outcomes = [.. Outcomes.Take(Position), Math.Clamp(percent, 0, 100)],
        IssuedAtMs = at.ToUnixTimeMilliseconds(),
        Nonce = NewNonce(),
    };

    public static int NewSeed() => RandomNumberGenerator.GetInt32(int.MaxValue);

    public static string NewNonce() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}

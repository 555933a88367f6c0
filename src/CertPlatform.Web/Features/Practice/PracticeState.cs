using System.Security.Cryptography;
using System.Text.Json;
using CertPlatform.Web.Domain.Exams;
using CertPlatform.Web.Domain.Questions;
using Microsoft.AspNetCore.DataProtection;

namespace CertPlatform.Web.Features.Practice;

public static class PracticeScope
{
    public const string Lesson = "lesson";
    public const string Part = "part";
    /// <summary>Open entries of the mistake notebook (all, or one lesson's when the scope id names a lesson).</summary>
    public const string Mistakes = "mistakes";
}

/// <summary>A question of a practice set, pinned to the version that was current when the set was drawn.</summary>
public sealed record PracticeItem(string Id, int Version);

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
    public int Right => Outcomes.Count(o => o >= 100);
    public int Partial => Outcomes.Count(o => o is > 0 and < 100);
    public int Wrong => Outcomes.Count(o => o <= 0);

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

/// <summary>What the feedback page needs: the answered question's index, the answer as displayed, and the set after it.</summary>
public sealed record PracticeFeedbackState(PracticeState Next, int Index, Response Displayed, bool Recorded);

/// <summary>Option order of a practice question: one frozen layout per question view, reproducible from the set's seed.</summary>
public static class PracticeLayout
{
    public static LaidOutQuestion For(Question q, int version, int seed) =>
        AttemptLayout.Freeze([new PaperQuestion(q, version, 0, q.MaxScore)], shuffleQuestions: false, shuffleOptions: true, seed)[0];

    /// <summary>Score as a whole percentage; 100 only for full marks.</summary>
    public static int Percent(Grade g) =>
        g.FullMarks ? 100 : g.Max <= 0 ? 0 : (int)Math.Clamp(Math.Floor(g.Score / g.Max * 100m), 0m, 99m);
}

/// <summary>
/// Seals practice state into URL-safe tokens with ASP.NET Core Data Protection (authenticated
/// encryption, keys persisted with the app's). The user id is part of the purpose, so one user's
/// token does not even decrypt for another.
/// </summary>
public sealed class PracticeTokens(IDataProtectionProvider provider)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { MaxDepth = 16 };

    private IDataProtector Protector(string kind, string userId) => provider.CreateProtector("CertPlatform.Practice.v1", kind, userId);

    public string Protect(PracticeState state) => Protector("set", state.UserId).Protect(JsonSerializer.Serialize(state, Json));

    public string Protect(PracticeFeedbackState feedback) => Protector("feedback", feedback.Next.UserId).Protect(JsonSerializer.Serialize(feedback, Json));

    /// <summary>The set, or null when the token is missing, altered, or someone else's.</summary>
    public PracticeState? ReadSet(string? token, string userId)
    {
        var state = Read<PracticeState>(token, "set", userId);
        return state is { IsWellFormed: true } && state.UserId == userId ? state : null;
    }

    public PracticeFeedbackState? ReadFeedback(string? token, string userId)
    {
        var f = Read<PracticeFeedbackState>(token, "feedback", userId);
        return f is { Next.IsWellFormed: true } && f.Next.UserId == userId && f.Index >= 0 && f.Index < f.Next.Items.Count && f.Displayed is not null ? f : null;
    }

    private T? Read<T>(string? token, string kind, string userId) where T : class
    {
        if (string.IsNullOrEmpty(token) || token.Length > PracticeAnswerForm.MaxTokenLength) return null;
        try { return JsonSerializer.Deserialize<T>(Protector(kind, userId).Unprotect(token), Json); }
        catch (CryptographicException) { return null; }
        catch (JsonException) { return null; }
        catch (FormatException) { return null; }
    }
}

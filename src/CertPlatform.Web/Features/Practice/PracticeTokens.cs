using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace CertPlatform.Web.Features.Practice;

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

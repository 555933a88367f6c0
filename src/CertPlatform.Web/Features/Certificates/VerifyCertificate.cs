using System.Globalization;
using CertPlatform.Web.Data;
using CertPlatform.Web.Features.Certificates.Credentials;
using CertPlatform.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CertPlatform.Web.Features.Certificates;

/// <summary>
/// Public verification of a certificate by its code: the facts (holder masked unless configured otherwise), its
/// status now, and a yes/no answer to "is the holder X?" that never reveals the name itself.
/// </summary>
public sealed class VerifyCertificate(AppDbContext db, IOptions<CertificateOptions> options, DisplayTime display, TimeProvider clock, CredentialSigner signer)
{
    public const int MaxNameLength = 100;

    /// <summary>The certificate behind <paramref name="code"/>, or null (unknown codes and malformed ones alike).</summary>
    public async Task<VerificationModel?> LoadAsync(string code, CancellationToken ct)
    {
        var c = await FindAsync(code, ct);
        if (c is null) return null;
        var jwt = await CredentialJwtAsync(c.Id, ct);
        return new VerificationModel(code, options.Value.MaskHolderName ? Mask(c.HolderName) : c.HolderName, c.Number, c.Title, c.Level,
            display.Date(c.PassedAt), display.Date(c.IssuedAt), display.LastDay(c.ExpiresAt), c.EffectiveStatus(clock.GetUtcNow()),
            c.RevokedAt is { } r ? display.Date(r) : null, c.HasFile ? c.PdfSha256 : null)
        {
            HasCredential = jwt is not null, Programme = c.ProgrammeName, PaperVersion = c.PaperVersion,
            CredentialSignatureValid = jwt is not null && signer.Verify(jwt) is not null,
        };
    }

    /// <summary>The certificate's signed Open Badges credential (VC-JWT) by verification code, or null.</summary>
    public async Task<string?> CredentialAsync(string code, CancellationToken ct) =>
        await FindAsync(code, ct) is { } c ? await CredentialJwtAsync(c.Id, ct) : null;

    /// <summary>The credential's payload (the OpenBadgeCredential JSON) when its signature verifies, else null.</summary>
    public System.Text.Json.Nodes.JsonObject? Payload(string jwt) => signer.Verify(jwt);

    private Task<string?> CredentialJwtAsync(string certificateId, CancellationToken ct) =>
        db.CertificateFiles.Where(f => f.CertificateId == certificateId).Select(f => f.CredentialJwt).FirstOrDefaultAsync(ct);

    /// <summary>Whether <paramref name="name"/> is the holder's full name (spaces and letter case ignored).</summary>
    public async Task<(CheckNameOutcome Outcome, VerificationModel? Model)> CheckNameAsync(string code, string? name, CancellationToken ct)
    {
        var model = await LoadAsync(code, ct);
        if (model is null) return (CheckNameOutcome.NotFound, null);
        var asked = Normalize(name);
        if (asked.Length == 0 || asked.Length > MaxNameLength) return (CheckNameOutcome.NameMissing, model);
        var holder = await db.Certificates.Where(c => c.VerificationCode == code).Select(c => c.HolderName).FirstAsync(ct);
        var matches = string.Equals(Normalize(holder), asked, StringComparison.OrdinalIgnoreCase);
        return (matches ? CheckNameOutcome.Matches : CheckNameOutcome.DoesNotMatch, model with { NameAsked = name!.Trim(), NameMatches = matches });
    }

    private Task<Certificate?> FindAsync(string code, CancellationToken ct) =>
        code.Length is < 20 or > 64 ? Task.FromResult<Certificate?>(null)
            : db.Certificates.AsNoTracking().FirstOrDefaultAsync(x => x.VerificationCode == code, ct);

    /// <summary>Spaces (including the ideographic space) removed, Unicode-normalised: "李 晓梅" is "李晓梅".</summary>
    public static string Normalize(string? name) =>
        string.Concat((name ?? "").Normalize(System.Text.NormalizationForm.FormKC).Where(ch => !char.IsWhiteSpace(ch)));

    /// <summary>张三丰 → 张*丰, 李四 → 李*: enough to match a person in hand, not enough to harvest names.</summary>
    public static string Mask(string name)
    {
        var chars = StringInfo.GetTextElementEnumerator(name);
        var elements = new List<string>();
        while (chars.MoveNext()) elements.Add(chars.GetTextElement());
        return elements.Count switch
        {
            0 => "",
            1 => "*",
            2 => elements[0] + "*",
            _ => elements[0] + new string('*', elements.Count - 2) + elements[^1],
        };
    }
}

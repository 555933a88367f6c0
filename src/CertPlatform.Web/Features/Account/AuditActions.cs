namespace CertPlatform.Web.Features.Account;

/// <summary>
/// Every action written to the audit trail (<see cref="CertPlatform.Web.Data.AuditEntry.Action"/>, through
/// <see cref="AuditLog"/> or added directly), one constant per action. The values are stored: renaming one splits the
/// trail and breaks saved filters. An action is "family.verb"; the audit page filters by an exact action or by a family
/// prefix ending in a dot (<see cref="Families"/>).
/// </summary>
public static class AuditActions
{
    /// <summary>Self-registration of a new account.</summary>
    public const string AccountRegistered = "account.register";
    /// <summary>A registration with an e-mail or employee number already in use (answered like a success; for HR to follow up).</summary>
    public const string AccountRegisterDuplicate = "account.register-duplicate";

    /// <summary>An attempt started on a certification paper whose current version no second person approved.</summary>
    public const string AttemptStartedUnapproved = "attempt.started-unapproved";
    /// <summary>An attempt started on a certification paper that cannot award this trainee the certificate (author, approver, no programme).</summary>
    public const string AttemptStartedWithoutCertificate = "attempt.started-no-certificate";

    /// <summary>A certificate issued for a passed certification attempt (written by the system).</summary>
    public const string CertificateIssued = "certificate.issued";
    /// <summary>A pass that earned no certificate (once per attempt; written by the system).</summary>
    public const string CertificateRefused = "certificate.refused";
    /// <summary>A certificate PDF downloaded by its holder or staff.</summary>
    public const string CertificateDownloaded = "certificate.downloaded";
    /// <summary>A certificate revoked, with the reason.</summary>
    public const string CertificateRevoked = "certificate.revoked";

    /// <summary>An examiner scored a manually graded item.</summary>
    public const string GradingScored = "grading.scored";
    /// <summary>A question regraded across the attempts that answered it (one entry per changed attempt).</summary>
    public const string GradingRegraded = "grading.regraded";

    /// <summary>A paper created.</summary>
    public const string PaperCreated = "paper.created";
    /// <summary>A paper edited (a new version).</summary>
    public const string PaperUpdated = "paper.updated";
    /// <summary>A certification paper version approved by a second person.</summary>
    public const string PaperApproved = "paper.approved";
    /// <summary>An approval refused (the details name the rule's outcome: an author approving, a version that moved on, …).</summary>
    public const string PaperApprovalRefused = "paper.approval-refused";
    /// <summary>A change to an approved paper: the new version awaits approval.</summary>
    public const string PaperApprovalRevoked = "paper.approval-revoked";
    /// <summary>The seeder repaired a seeded paper's pass mark (written by the system).</summary>
    public const string PaperPassMarkRepaired = "paper.pass-mark-repaired";

    /// <summary>A certification programme created.</summary>
    public const string ProgrammeCreated = "programme.created";
    /// <summary>A certification programme edited.</summary>
    public const string ProgrammeUpdated = "programme.updated";

    /// <summary>A question created in the bank.</summary>
    public const string QuestionCreated = "question.create";
    /// <summary>A question edited (a new version).</summary>
    public const string QuestionEdited = "question.edit";
    /// <summary>A question import committed.</summary>
    public const string QuestionsImported = "questions.import";
    /// <summary>Bulk change in the bank list: a tag added.</summary>
    public const string QuestionsBulkAddTag = "questions.bulk-addtag";
    /// <summary>Bulk change in the bank list: a tag removed.</summary>
    public const string QuestionsBulkRemoveTag = "questions.bulk-removetag";
    /// <summary>Bulk change in the bank list: questions retired.</summary>
    public const string QuestionsBulkRetire = "questions.bulk-retire";
    /// <summary>Bulk change in the bank list: questions made ready.</summary>
    public const string QuestionsBulkMakeReady = "questions.bulk-makeready";

    /// <summary>Certificate records exported (CSV/XLSX), with the filter and the count.</summary>
    public const string RecordsExported = "records.exported";
    /// <summary>A ZIP of certificate PDFs exported, with the filter, the count and how it was delivered.</summary>
    public const string RecordsZipExported = "records.zip-exported";

    /// <summary>A user created by an administrator.</summary>
    public const string UserCreated = "user.create";
    /// <summary>A user edited by an administrator.</summary>
    public const string UserUpdated = "user.update";
    /// <summary>A user re-activated.</summary>
    public const string UserActivated = "user.activate";
    /// <summary>A user deactivated (sessions ended).</summary>
    public const string UserDeactivated = "user.deactivate";
    /// <summary>A user's password reset by an administrator.</summary>
    public const string UserPasswordReset = "user.reset-password";
    /// <summary>A self-registered account verified by HR or an administrator.</summary>
    public const string UserVerified = "user.verify";
    /// <summary>An account verified because it matches an imported employee record.</summary>
    public const string UserVerifyMatched = "user.verify-matched";
    /// <summary>An employee import committed.</summary>
    public const string UsersImported = "users.import";

    /// <summary>Every action above, in declaration order.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        AccountRegistered, AccountRegisterDuplicate, AttemptStartedUnapproved, AttemptStartedWithoutCertificate,
        CertificateIssued, CertificateRefused, CertificateDownloaded, CertificateRevoked, GradingScored, GradingRegraded,
        PaperCreated, PaperUpdated, PaperApproved, PaperApprovalRefused, PaperApprovalRevoked, PaperPassMarkRepaired,
        ProgrammeCreated, ProgrammeUpdated, QuestionCreated, QuestionEdited, QuestionsImported, QuestionsBulkAddTag,
        QuestionsBulkRemoveTag, QuestionsBulkRetire, QuestionsBulkMakeReady, RecordsExported, RecordsZipExported,
        UserCreated, UserUpdated, UserActivated, UserDeactivated, UserPasswordReset, UserVerified, UserVerifyMatched, UsersImported,
    ];

    /// <summary>The family prefixes of <see cref="All"/> ("certificate." …), each ending in a dot, in order of first appearance.</summary>
    public static readonly IReadOnlyList<string> Families = All.Select(Family).Distinct().ToList();

    /// <summary>The family prefix of an action, with its dot ("certificate.revoked" → "certificate.").</summary>
    public static string Family(string action) => action[..(action.IndexOf('.') + 1)];
}

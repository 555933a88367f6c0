namespace CertPlatform.Web.Features.Notifications;

/// <summary>What a notification is about; the stored kind, its template file and whether a user may opt out of it.</summary>
public static class NotificationKind
{
    public const string ExamAssigned = "exam-assigned";
    public const string ExamWindowOpening = "exam-window-opening";
    public const string ResultFinal = "result-final";
    public const string CertificateIssued = "certificate-issued";
    public const string CertificateExpiring60 = "certificate-expiring-60";
    public const string CertificateExpiring30 = "certificate-expiring-30";
    public const string CertificateRevoked = "certificate-revoked";

    public static readonly IReadOnlyList<string> All =
        [ExamAssigned, ExamWindowOpening, ResultFinal, CertificateIssued, CertificateExpiring60, CertificateExpiring30, CertificateRevoked];

    /// <summary>Results and certificate changes always go out; exam announcements and reminders respect the opt-out.</summary>
    public static bool IsEssential(string kind) => kind is ResultFinal or CertificateIssued or CertificateRevoked;

    public static string ExpiringKind(int days) => days <= 30 ? CertificateExpiring30 : CertificateExpiring60;
}

namespace CertPlatform.Web.Infrastructure.Pdf;

/// <summary>Turns a certificate's printed facts into its final (signed) PDF bytes. Pure CPU work: no database, no clock.</summary>
public interface ICertificateRenderer
{
    byte[] Render(CertificateContent content);
}

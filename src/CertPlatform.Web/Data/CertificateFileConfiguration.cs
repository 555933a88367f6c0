using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertPlatform.Web.Data;

internal sealed class CertificateFileConfiguration : IEntityTypeConfiguration<CertificateFile>
{
    public void Configure(EntityTypeBuilder<CertificateFile> b)
    {
        b.HasKey(f => f.CertificateId);
        b.Property(f => f.CertificateId).HasMaxLength(32);
        b.HasOne<Certificate>().WithOne().HasForeignKey<CertificateFile>(f => f.CertificateId).OnDelete(DeleteBehavior.Cascade);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertPlatform.Web.Data;

internal sealed class CertificateSequenceConfiguration : IEntityTypeConfiguration<CertificateSequence>
{
    public void Configure(EntityTypeBuilder<CertificateSequence> b)
    {
        b.HasKey(s => s.Year);
        b.Property(s => s.Year).ValueGeneratedNever();
    }
}

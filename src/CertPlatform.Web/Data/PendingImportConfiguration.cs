using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertPlatform.Web.Data;

internal sealed class PendingImportConfiguration : IEntityTypeConfiguration<PendingImport>
{
    public void Configure(EntityTypeBuilder<PendingImport> b)
    {
        b.Property(p => p.Kind).HasMaxLength(32);
        b.Property(p => p.FileName).HasMaxLength(260);
        b.HasIndex(p => p.CreatedAt);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertPlatform.Web.Data;

internal sealed class UsedPracticeTokenConfiguration : IEntityTypeConfiguration<UsedPracticeToken>
{
    public void Configure(EntityTypeBuilder<UsedPracticeToken> b)
    {
        b.ToTable("UsedPracticeTokens");
        b.HasKey(t => t.Nonce);
        b.Property(t => t.Nonce).HasMaxLength(32);
        b.Property(t => t.UserId).HasMaxLength(450);
        b.HasIndex(t => t.UsedAt);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertPlatform.Web.Data;

internal sealed class CertificationProgrammeConfiguration : IEntityTypeConfiguration<CertificationProgramme>
{
    public const string SeededDescription = "VIP客户服务经理岗位技能四级认证：VIP客户服务经理岗位技能四级认证。";
    public const string SeededCriteria = "通过VIP客户服务经理四级认证考试（满分 100 分，60 分及格）；证书有效期 3 年，期满前后再次通过可换证。";

    public void Configure(EntityTypeBuilder<CertificationProgramme> b)
    {
        b.HasKey(p => p.Id);
        b.Property(p => p.Id).HasMaxLength(64);
        b.Property(p => p.Name).HasMaxLength(100);
        b.Property(p => p.Title).HasMaxLength(100);
        b.Property(p => p.Level).HasMaxLength(32);
        b.Property(p => p.Template).HasMaxLength(200);
        b.Property(p => p.Description).HasMaxLength(1000);
        b.Property(p => p.Criteria).HasMaxLength(2000);
        b.HasIndex(p => p.Name).IsUnique();
        // The level-4 certification that certificates were issued for before programmes existed: the migration creates it,
        // so that existing certificates and the seeded paper can name it.
        var seeded = new DateTimeOffset(2026, 12, 5, 0, 0, 0, TimeSpan.Zero);
        b.HasData(new CertificationProgramme
        {
            Id = CertificationProgramme.SeededId, Name = CertificationProgramme.SeededName, Title = "VIP客户服务经理", Level = "四级",
            ValidityMonths = 36, Template = "template.yaml",
            // The Open Badges achievement's texts as the credentials issued before programmes carried them (then built from
            // Certificates:Title/Level/ValidityYears and the curriculum's title); the Wave2cGovernance migration fills them in.
            Description = SeededDescription,
            Criteria = SeededCriteria,
            CreatedAt = seeded, UpdatedAt = seeded,
        });
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertPlatform.Web.Data;

internal sealed class EmployeeRecordConfiguration : IEntityTypeConfiguration<EmployeeRecord>
{
    public void Configure(EntityTypeBuilder<EmployeeRecord> b)
    {
        b.Property(r => r.EmployeeNumber).HasMaxLength(32);
        b.Property(r => r.FullName).HasMaxLength(100);
        b.Property(r => r.Organization).HasMaxLength(100);
        b.Property(r => r.Department).HasMaxLength(100);
        b.Property(r => r.FileName).HasMaxLength(260);
        b.HasIndex(r => r.EmployeeNumber).IsUnique();
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertPlatform.Web.Data;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(u => u.FullName).HasMaxLength(100);
        b.Property(u => u.EmployeeNumber).HasMaxLength(32);
        b.Property(u => u.Organization).HasMaxLength(100);
        b.Property(u => u.Department).HasMaxLength(100);
        b.HasIndex(u => u.EmployeeNumber).IsUnique();
        b.HasIndex(u => u.FullName);
    }
}

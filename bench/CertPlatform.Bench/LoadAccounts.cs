using System.Diagnostics;
using System.Globalization;
using CertPlatform.Web.Data;
using CertPlatform.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CertPlatform.Bench;

/// <summary>
/// The load test's trainee accounts in bulk, straight into the database of a server that is already
/// running (it migrated the schema and created the roles): <c>P00000@bench.local</c> (the warm-up user), <c>P00001@bench.local</c> … as verified,
/// active trainees who need no password change. A bench shortcut, not a product path: one PBKDF2 hash
/// of the password is computed and stored for every account (the hash carries its own salt, so each
/// account verifies against the same password), instead of one hash per account through the
/// registration form — which would also leave accounts waiting for HR's verification. Accounts that
/// exist are left alone, so a second run adds nothing.
/// Usage: accounts CONNECTION_STRING COUNT [PREFIX=load] [PASSWORD=Bench-load-2026] [Sqlite|PostgreSQL]
/// </summary>
public static class LoadAccounts
{
    public static int Run(string[] args)
    {
        if (args.Length < 2 || !int.TryParse(args[1], CultureInfo.InvariantCulture, out var count) || count < 1)
        {
            Console.Error.WriteLine("usage: accounts CONNECTION_STRING COUNT [PREFIX] [PASSWORD] [Sqlite|PostgreSQL]");
            return 2;
        }
        var prefix = args.Length > 2 ? args[2] : "load";
        var password = args.Length > 3 ? args[3] : "Bench-load-2026";
        var provider = args.Length > 4 ? args[4] : "Sqlite";
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["Database:ConnectionString"] = args[0],
        }).Build();
        var services = new ServiceCollection().AddLogging(b => b.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<IConfiguration>(config).AddSingleton(TimeProvider.System);
        services.AddAppDatabase(config, Directory.GetCurrentDirectory());
        using var sp = services.BuildServiceProvider();
        using var scope = sp.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var sw = Stopwatch.StartNew();
        var roleId = db.Roles.Where(r => r.Name == Roles.Trainee).Select(r => r.Id).FirstOrDefault()
            ?? throw new InvalidOperationException("no Trainee role: start the server on this database first (it migrates and creates the roles)");
        var existing = db.Users.Where(u => u.NormalizedEmail!.StartsWith(prefix.ToUpperInvariant())).Select(u => u.NormalizedEmail!).ToHashSet();
        var hash = new PasswordHasher<AppUser>().HashPassword(new AppUser(), password);
        var now = DateTimeOffset.UtcNow;
        var added = 0;
        foreach (var i in Enumerable.Range(0, count + 1)) // 0 is the driver's warm-up user
        {
            var email = $"{prefix}{i:D5}@bench.local";
            if (existing.Contains(email.ToUpperInvariant())) continue;
            var user = new AppUser
            {
                UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true, PasswordHash = hash, SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString(),
                LockoutEnabled = true, FullName = $"压测学员{i}", EmployeeNumber = $"LD{i:D5}", Organization = "压测单位", Department = "压测部门",
                CreatedAt = now, IsVerified = true, VerifiedAt = now,
            };
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleId });
            if (++added % 2000 == 0)
            {
                db.SaveChanges();
                db.ChangeTracker.Clear();
            }
        }
        db.SaveChanges();
        Console.WriteLine($"accounts: {added:N0} added, {existing.Count:N0} already there ({prefix}00001@bench.local …), one password hash, {sw.Elapsed.TotalSeconds:0.0} s");
        return 0;
    }
}

using CertPlatform.Web.Data;
using CertPlatform.Web.Features.Admin;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CertPlatform.UnitTests.Features.Admin;

public sealed class InitialPasswordsTests
{
    [Fact]
    public async Task Generated_passwords_pass_the_site_password_policy_and_do_not_repeat()
    {
        var options = Options.Create(new IdentityOptions());
        options.Value.Password.RequiredLength = 8;
        options.Value.Password.RequireNonAlphanumeric = false;
        options.Value.Password.RequireUppercase = false;
        var validator = new PasswordValidator<AppUser>();
        var manager = new UserManager<AppUser>(new NoStore(), options, new PasswordHasher<AppUser>(), [], [validator], new UpperInvariantLookupNormalizer(), new IdentityErrorDescriber(), null!, null!);
        var seen = new HashSet<string>();
        for (var i = 0; i < 500; i++)
        {
            var p = InitialPasswords.Generate();
            Assert.Matches("^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$", p);
            Assert.True((await validator.ValidateAsync(manager, new AppUser(), p)).Succeeded, p);
            Assert.True(seen.Add(p));
        }
    }

    private sealed class NoStore : IUserStore<AppUser>
    {
        public void Dispose() { }
        public Task<string> GetUserIdAsync(AppUser user, CancellationToken ct) => Task.FromResult(user.Id);
        public Task<string?> GetUserNameAsync(AppUser user, CancellationToken ct) => Task.FromResult(user.UserName);
        public Task SetUserNameAsync(AppUser user, string? userName, CancellationToken ct) => Task.CompletedTask;
        public Task<string?> GetNormalizedUserNameAsync(AppUser user, CancellationToken ct) => Task.FromResult(user.NormalizedUserName);
        public Task SetNormalizedUserNameAsync(AppUser user, string? normalizedName, CancellationToken ct) => Task.CompletedTask;
        public Task<IdentityResult> CreateAsync(AppUser user, CancellationToken ct) => throw new NotSupportedException();
        public Task<IdentityResult> UpdateAsync(AppUser user, CancellationToken ct) => throw new NotSupportedException();
        public Task<IdentityResult> DeleteAsync(AppUser user, CancellationToken ct) => throw new NotSupportedException();
        public Task<AppUser?> FindByIdAsync(string userId, CancellationToken ct) => Task.FromResult<AppUser?>(null);
        public Task<AppUser?> FindByNameAsync(string normalizedUserName, CancellationToken ct) => Task.FromResult<AppUser?>(null);
    }
}

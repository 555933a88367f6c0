using System.Security.Claims;
using CertPlatform.Web.Data;
using FluentValidation;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CertPlatform.Web.Features.Account;

public static class AccountSetup
{
    /// <summary>Minimum password length (with a letter, a digit and the checks of <see cref="PasswordPolicyValidator"/>).</summary>
    public const int PasswordMinimumLength = 10;

    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration config, bool isDevelopment)
    {
        services.AddOptions<AccountOptions>().Bind(config.GetSection(AccountOptions.Section))
            .Validate(o => o.MaxFailedLogins is >= 1 and <= 100, "Accounts:MaxFailedLogins must be between 1 and 100")
            .Validate(o => o.LockoutMinutes is >= 1 and <= 1440, "Accounts:LockoutMinutes must be between 1 and 1440")
            .ValidateOnStart();

        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = PasswordMinimumLength;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = true;
                o.Password.RequireDigit = true;
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager<AppSignInManager>()
            .AddClaimsPrincipalFactory<AppClaimsFactory>()
            .AddErrorDescriber<LocalizedIdentityErrors>()
            .AddPasswordValidator<PasswordPolicyValidator>()
            .AddDefaultTokenProviders();
        // The lockout from the validated "Accounts" options (one reader: the options system).
        services.AddOptions<IdentityOptions>().Configure<IOptions<AccountOptions>>((o, accounts) =>
        {
            o.Lockout.MaxFailedAccessAttempts = accounts.Value.MaxFailedLogins;
            o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(accounts.Value.LockoutMinutes);
        });

        // The stamp itself is compared on every request from SessionCache (ValidatePrincipalAsync); Identity's
        // validator is only asked when the cookie's printed facts are out of date, and then refreshes at once.
        // A refreshed cookie keeps its server-side session.
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.Zero;
            o.OnRefreshingPrincipal = ctx =>
            {
                if (ctx.CurrentPrincipal?.FindFirst(AppClaims.SessionId) is { } sid && ctx.NewPrincipal?.Identity is ClaimsIdentity id && !id.HasClaim(c => c.Type == AppClaims.SessionId))
                    id.AddClaim(new Claim(AppClaims.SessionId, sid.Value));
                return Task.CompletedTask;
            };
        });
        services.AddSingleton<SessionCache>();
        services.AddHostedService<SessionRevalidator>();
        services.AddScoped<UserSessions>();
        services.AddScoped<SignInUser>();
        services.AddScoped<RegisterUser>();
        services.AddScoped<VerifyAccount>();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/access-denied";
            o.Cookie.Name = "certplatform.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = isDevelopment ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            // API callers (the exam page's scripts, the load driver) get status codes, not the login page.
            o.Events.OnRedirectToLogin = ctx => ApiOrRedirect(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnValidatePrincipal = ValidatePrincipalAsync;
            o.Events.OnRedirectToAccessDenied = ctx => ApiOrRedirect(ctx, StatusCodes.Status403Forbidden);
        });
        // After AddIdentity: the cookie handler's own post-configuration has created the ticket format by then.
        services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .PostConfigure<TimeProvider>((o, clock) => o.TicketDataFormat = new SessionCacheTicketFormat(o.TicketDataFormat, clock));
        services.AddScoped<IValidator<RegisterForm>, RegisterFormValidator>();
        services.AddScoped<IValidator<ChangePasswordForm>, ChangePasswordFormValidator>();
        services.AddScoped<DemoAccounts>();
        services.AddScoped<AuditLog>();
        return services;
    }

    /// <summary>
    /// Every authenticated request: the cookie's server-side session must still be open and its user active,
    /// and the cookie's security stamp must still be the user's — all read from <see cref="SessionCache"/>
    /// (no older than <see cref="SessionCache.StaleLimit"/>, refreshed in batches in the background and read in
    /// coalesced batches when a request needs it), so a changed stamp (password, roles, deactivation) ends the cookie
    /// within seconds instead of at the next one-minute validation interval. Only when the cookie's printed facts (name, forced password change)
    /// differ from the user's is Identity's stamp validator asked to refresh the cookie: resolving it
    /// (SignInManager, UserManager, a DbContext) and re-issuing every cookie once a minute was most of an
    /// autosave request's CPU at 10,000 signed-in trainees (bench/RESULTS.md).
    /// </summary>
    private static async Task ValidatePrincipalAsync(Microsoft.AspNetCore.Authentication.Cookies.CookieValidatePrincipalContext ctx)
    {
        var services = ctx.HttpContext.RequestServices;
        var principal = ctx.Principal;
        var sessionId = principal?.FindFirstValue(AppClaims.SessionId);
        var userId = principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var sessions = services.GetRequiredService<SessionCache>();
        var state = sessionId is null || userId is null ? null
            : await sessions.GetAsync(sessionId, ctx.Properties.IssuedUtc, ctx.HttpContext.RequestAborted);
        var stampType = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        // A differing stamp is checked against the database before the cookie is refused: the cached state may predate
        // a cookie that Identity re-issued after a password change (it keeps the first issue time).
        if (state is not null && principal?.FindFirstValue(stampType) != state.SecurityStamp)
            state = await sessions.ReadFreshAsync(sessionId!, ctx.HttpContext.RequestAborted);
        if (principal is null || state is null || state.UserId != userId || !state.IsActive || principal.FindFirstValue(stampType) != state.SecurityStamp)
        {
            ctx.RejectPrincipal();
            await ctx.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }
        if (principal.FindFirstValue(AppClaims.FullName) == state.DisplayName
            && principal.HasClaim(AppClaims.MustChangePassword, "true") == state.MustChangePassword) return;
        await SecurityStampValidator.ValidatePrincipalAsync(ctx);
    }

    private static Task ApiOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api")) ctx.Response.StatusCode = status;
        else ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>Until a user with an initial password sets their own, every page leads to the change-password form.</summary>
    public static IApplicationBuilder UseForcedPasswordChange(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.User.HasClaim(AppClaims.MustChangePassword, "true"))
            {
                var path = context.Request.Path;
                var allowed = path.StartsWithSegments("/account/change-password") || path.StartsWithSegments("/account/logout")
                    || path.StartsWithSegments("/language") || path.StartsWithSegments("/healthz")
                    || path.StartsWithSegments("/css") || path.StartsWithSegments("/js") || path.StartsWithSegments("/favicon.svg");
                if (!allowed)
                {
                    context.Response.Redirect("/account/change-password");
                    return;
                }
            }
            await next();
        });
}

using FluentValidation;

namespace CertPlatform.Web.Features.Admin;

public static class AdminSetup
{
    public static IServiceCollection AddAdmin(this IServiceCollection services) =>
        services.AddScoped<EmployeeImport>()
            .AddScoped<UnverifiedAccounts>()
            .AddScoped<IValidator<UserForm>, UserFormValidator>()
            .AddScoped<UserQueries>()
            .AddScoped<SaveUser>()
            .AddScoped<SetUserActive>()
            .AddScoped<ResetUserPassword>()
            .AddScoped<AuditQueries>()
            .AddScoped<ProgrammeQueries>()
            .AddScoped<SaveProgramme>()
            .AddScoped<IValidator<ProgrammeForm>, ProgrammeFormValidator>();
}

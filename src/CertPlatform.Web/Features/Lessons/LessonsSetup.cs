namespace CertPlatform.Web.Features.Lessons;

public static class LessonsSetup
{
    public static IServiceCollection AddLessons(this IServiceCollection services) =>
        services.AddMemoryCache().AddScoped<LessonProgressStore>();
}

using CertPlatform.Web.Content;
using CertPlatform.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CertPlatform.Web.Features.Lessons;

public static class LessonsSetup
{
    public static IServiceCollection AddLessons(this IServiceCollection services) =>
        services.AddMemoryCache().AddScoped<LessonProgressStore>();
}

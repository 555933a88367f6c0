using Microsoft.AspNetCore.Mvc.Razor;

namespace CertPlatform.Web.Infrastructure;

public sealed class FeatureFolderViewLocationExpander : IViewLocationExpander
{
    // The feature is part of the view-cache key; without it two features' "Index" views would collide.
    public void PopulateValues(ViewLocationExpanderContext context) =>
        context.Values[FeatureConvention.Key] =
            context.ActionContext.ActionDescriptor.Properties.TryGetValue(FeatureConvention.Key, out var f) ? f as string : null;

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations)
    {
        if (context.Values.TryGetValue(FeatureConvention.Key, out var feature) && !string.IsNullOrEmpty(feature))
        {
            yield return $"/Features/{feature}/{{1}}/{{0}}.cshtml";
            yield return $"/Features/{feature}/{{0}}.cshtml";
        }
        yield return "/Features/Shared/{0}.cshtml";
    }
}

using HarborHa.Model;

namespace HarborHa.Checks.Rules;

/// <summary>awsguard alb-http-to-https-redirection: a plain-HTTP listener only redirects to HTTPS.</summary>
public sealed class HttpRedirectRule : ICheckRule
{
    public string Id => "http-redirects-to-https";

    public string Reason => "an HTTP listener's default action is a redirect to HTTPS; registry credentials never travel in clear text";

    public IEnumerable<Finding> Evaluate(PulumiProgram program)
    {
        var index = new ProgramIndex(program);
        return RuleHelpers.Each(
            index.OfType(ResourceTypes.Listeners).Where(l => Props.Text(l.Property("protocol")) == "HTTP"),
            listener =>
            {
                var actions = Props.Items(listener.Property("defaultActions"));
                var redirects = actions.Count > 0 && actions.All(a =>
                    Props.Text(Props.At(a, "type")) == "redirect" && Props.Text(Props.At(a, "redirect.protocol")) == "HTTPS");
                return RuleHelpers.When(!redirects, "the default action is not a redirect to HTTPS");
            });
    }
}

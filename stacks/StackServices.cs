using HarborHa.Common;
using HarborHa.Configuration;
using HarborHa.Logging;
using HarborHa.Model;

namespace HarborHa.Stacks;

/// <summary>
/// What every region of a stack shares: the region-less providers (random, tls), one AWS provider
/// per AWS region, and one log bucket per AWS region. Shared because a region's DR copies live in
/// another region, which may be a stack region too.
/// </summary>
public sealed record StackServices(GlobalProviders Global, AwsProviderRegistry Aws, LogBuckets Logs)
{
    public static StackServices Create(PulumiProgram program, StackConfig config)
    {
        var aws = new AwsProviderRegistry(program, config);
        return new StackServices(new GlobalProviders(program), aws, new LogBuckets(program, aws, config));
    }
}

using System.CommandLine;
using System.Diagnostics;
using HarborHa.Configuration;
using HarborHa.Stacks;

namespace HarborHa.Cli;

/// <summary>
/// <c>infra images lock [--stack S]</c>: resolves every image the program runs to the digest its
/// registry serves now and writes them to <c>images.lock.json</c> (whole or not at all). Run it where
/// the registries are reachable; offline, or without credentials for an ECR registry, it names each
/// image it could not resolve and writes nothing.
/// </summary>
public static class ImagesCommand
{
    public static Command Create(CliContext context, Func<HttpMessageHandler>? handler = null)
    {
        var stack = StackOption.Create();
        var lockCommand = new Command("lock", $"Resolve every image the program runs to a digest and write {ImageLock.FileName}") { stack };
        lockCommand.SetAction(parse =>
        {
            var name = parse.GetValue(stack);
            StackConfig? config = null;
            if (name is not null || context.Environment.ContainsKey("PULUMI_CONFIG"))
            {
                (config, var code) = context.LoadConfig(name, stackRequired: false);
                if (code != ExitCodes.Ok)
                {
                    return code;
                }
            }

            var images = config is null ? ImageInventory.All : ImageInventory.For(config);
            using var http = handler?.Invoke() ?? new HttpClientHandler();
            using var resolver = new RegistryDigests(http, region => EcrPassword(region, config));
            var digests = new SortedDictionary<string, string>(ImageLock.Load(context.ProjectDirectory).ToDictionary(d => d.Key, d => d.Value), StringComparer.Ordinal);
            var failures = new List<string>();
            foreach (var image in images)
            {
                try
                {
                    digests[image] = resolver.ResolveAsync(image, CancellationToken.None).GetAwaiter().GetResult();
                    context.Stderr.WriteLine($"  {image} -> {digests[image]}");
                }
                catch (Exception e) when (e is HttpRequestException or InvalidOperationException or TaskCanceledException)
                {
                    failures.Add($"  {image}: {e.Message.Split('\n')[0]}");
                }
            }

            if (failures.Count > 0)
            {
                context.Stderr.WriteLine($"error: {failures.Count} of {images.Count} images could not be resolved (offline, or no credentials for a registry); {ImageLock.FileName} is unchanged:");
                failures.ForEach(context.Stderr.WriteLine);
                return ExitCodes.Failed;
            }

            AtomicFile.Write(Path.Combine(context.ProjectDirectory, ImageLock.FileName), ImageLock.Render(digests));
            context.Stderr.WriteLine($"ok: {images.Count} images locked in {ImageLock.FileName}");
            return ExitCodes.Ok;
        });
        return new Command("images", "The images the program runs") { lockCommand };
    }

    /// <summary>An ECR registry's password from the AWS CLI, with the partition's profile; null when it fails.</summary>
    private static string? EcrPassword(string region, StackConfig? config)
    {
        var profile = region.StartsWith("cn-", StringComparison.Ordinal) ? config?.AwsCnProfile : config?.AwsProfile;
        var start = new ProcessStartInfo("aws") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "ecr", "get-login-password", "--region", region })
        {
            start.ArgumentList.Add(argument);
        }

        if (profile is not null)
        {
            start.ArgumentList.Add("--profile");
            start.ArgumentList.Add(profile);
        }

        try
        {
            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            var password = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 && password.Length > 0 ? password : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}

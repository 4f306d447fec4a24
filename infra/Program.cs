using HarborHa.Cli;
using HarborHa.Configuration;

// Thin entry point: parse the command line and hand over to the library (STYLE.md).
return Cli.Run(args, Console.Out, Console.Error, ConfigSource.ProcessEnvironment(), Directory.GetCurrentDirectory());

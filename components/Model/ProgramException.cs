namespace HarborHa.Model;

/// <summary>A program graph that must not be written: a bug in a component or topology, not in the user's config.</summary>
public sealed class ProgramException : Exception
{
    public ProgramException(string message) : base(message) { }

    public ProgramException(string message, Exception inner) : base(message, inner) { }

    public ProgramException() { }
}

namespace HarborHa.Model;

/// <summary>
/// An entry of the program's <c>config:</c> section. Secret stack values are declared here and
/// referenced, never read by the compiler, so the engine keeps them encrypted.
/// </summary>
public sealed record ConfigDeclaration(string Name, string Type, bool IsSecret, string? Default = null);

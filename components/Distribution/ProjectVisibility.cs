namespace HarborHa.Distribution;

/// <summary>Who may pull from a Harbor project without logging in.</summary>
public enum ProjectVisibility
{
    /// <summary>Pulls need the pull robot or a user. The default: a registry is not a public mirror by omission.</summary>
    Private,

    /// <summary>Anonymous pulls are allowed (Harbor's <c>public</c> project flag).</summary>
    Public,
}

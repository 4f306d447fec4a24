namespace HarborHa.Configuration;

/// <summary>Where a region's DR region comes from (<c>harbor-ha:regions[].drRegion</c>).</summary>
public enum DrRegionSource
{
    /// <summary><c>drRegion</c> names a region.</summary>
    Given,

    /// <summary><c>drRegion</c> is not given: the partner table in ha and geo, none in single-site.</summary>
    Default,

    /// <summary><c>drRegion: none</c>: the region keeps no copies outside itself, an accepted trade-off.</summary>
    None,
}

"""Writes integer-types.nwb: a small NWB 2 layout whose datasets and attributes use every integer
width and signedness (uint64 included), strings, object references and two electrodes, the way
h5py/pynwb write them. Run with python3 (h5py, numpy) from this folder; the output is deterministic
apart from HDF5's own metadata."""
import h5py
import numpy as np

SAMPLES = 8
RATE = 10_000.0
# Stored counts per sweep, one dtype per sweep; conversion 1e-3 makes them mV.
RESPONSE_TYPES = ["int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64"]

with h5py.File("integer-types.nwb", "w", libver="earliest") as f:
    f.attrs["nwb_version"] = "2.5.0"
    f.attrs["namespace"] = "core"
    f.attrs["neurodata_type"] = "NWBFile"
    f.create_dataset("identifier", data="integer-types")
    ephys = f.create_group("general/intracellular_ephys")
    electrodes = [ephys.create_group("electrode 0"), ephys.create_group("electrode 1")]
    acquisition = f.create_group("acquisition")
    presentation = f.create_group("stimulus/presentation")
    responses = []
    stimuli = []
    for n, dtype in enumerate(RESPONSE_TYPES):
        values = np.array([60 + n, 61, 62, 63, 64, 65, 66, 67 + n], dtype=dtype)
        g = acquisition.create_group(f"ccs_{n}")
        g.attrs["neurodata_type"] = "CurrentClampSeries"
        g.attrs["sweep_number"] = np.uint64(n)
        g.attrs["comments"] = np.array(["first", "second"], dtype=h5py.string_dtype())
        d = g.create_dataset("data", data=values)
        d.attrs["unit"] = "volts"
        d.attrs["conversion"] = np.float32(1e-3)
        d.attrs["resolution"] = np.float64(-1)
        d.attrs["offset"] = np.int64(-130) if dtype == "int64" else 0.0
        g.create_dataset("starting_time", data=np.float64(n)).attrs["rate"] = np.float32(RATE)
        g.create_dataset("gain", data=np.uint32(1))
        g["electrode"] = h5py.SoftLink(electrodes[n % 2].name)
        g.attrs["electrode_ref"] = electrodes[n % 2].ref
        responses.append(g)
        s = presentation.create_group(f"ccss_{n}")
        s.attrs["neurodata_type"] = "CurrentClampStimulusSeries"
        s.attrs["sweep_number"] = np.uint64(n)
        sd = s.create_dataset("data", data=np.array([0, 0, 100, 100, 100, 100, 0, 0], dtype=dtype))
        sd.attrs["unit"] = "amperes"
        sd.attrs["conversion"] = np.float64(1e-12)
        s.create_dataset("starting_time", data=np.float64(n)).attrs["rate"] = np.uint16(RATE)
        s["electrode"] = h5py.SoftLink(electrodes[n % 2].name)
        stimuli.append(s)
    # The pre-2.4 sweep table with uint64 columns (what stopped inspect with "BigInteger[2]").
    table = ephys.create_group("sweep_table")
    refs = [r.ref for r in responses] + [s.ref for s in stimuli]
    table.create_dataset("series", data=np.array(refs, dtype=h5py.ref_dtype))
    table.create_dataset("series_index", data=np.arange(1, len(refs) + 1, dtype="uint64"))
    table.create_dataset("sweep_number", data=np.array(list(range(8)) * 2, dtype="uint64"))
    table.create_dataset("id", data=np.arange(len(refs), dtype="int64"))
    # The NWB >= 2.4 recordings table: compound (idx_start, count, timeseries) with 64-bit integers.
    rec = ephys.create_group("intracellular_recordings")
    ref_type = np.dtype([("idx_start", "<i8"), ("count", "<i8"), ("timeseries", h5py.ref_dtype)])
    rows = np.array([(0, SAMPLES, r.ref) for r in responses], dtype=ref_type)
    rec.create_group("responses").create_dataset("response", data=rows)
    rows = np.array([(0, SAMPLES, s.ref) for s in stimuli], dtype=ref_type)
    rec.create_group("stimuli").create_dataset("stimulus", data=rows)
